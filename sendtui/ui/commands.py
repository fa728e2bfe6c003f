"""The command palette (ctrl+p): every action of the app and of the current screen."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class SendtuiCommands(Provider):
    def _commands(self):
        app = self.app
        seen = set()
        # self.screen is the screen the palette was opened from (app.screen is the palette
        # itself); its bindings include the focused widget's and the app's.
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            key = binding.key_display or app.get_key_display(binding)
            yield (binding.description, f"key {key}",
                   partial(active.node.run_action, binding.action))

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
