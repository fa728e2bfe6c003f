"""The wheel carries db/ (migrations, demo): an installed sendtui can make the demo."""

import subprocess
import sys
import zipfile


def test_wheel_alone_builds_the_demo(tmp_path):
    from tests.conftest import ROOT

    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("sendtui-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "sendtui/db/migrations/versions").is_dir()
    assert (site / "sendtui/db/demo/schedule.csv").is_file()
    # Run from the unpacked wheel, away from the checkout, so db/ must come from the wheel.
    run = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "from sendtui.cli import main; sys.argv = sys.argv[1:]; main()",
         str(site), "--db", str(tmp_path / "s.db"), "demo", "--no-open"],
        capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "demo inspection Wealdshire" in run.stdout
