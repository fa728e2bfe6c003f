from sendtui.cli import main

main()
