"""A footer that rebuilds itself only when the keys it shows have changed, once per refresh."""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer recomposes (10–20 ms) each time a widget calls refresh_bindings(),
    up to nine times before the next frame when a form or a screen opens, and on every
    focus change even when the keys stay the same. This one recomposes at most once, after
    the refresh, and only if the keys it would show (or their state) are not the ones shown."""

    _pending = False
    _shown: tuple | None = None

    def compose(self):
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def _keys(self) -> tuple:
        """What compose() would show: each shown key, its words and whether it is enabled."""
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        return (tuple((b.key, self.app.get_key_display(b), b.description, b.action,
                       b.group, enabled, tooltip)
                      for _, b, enabled, tooltip in active.values() if b.show),
                self.show_command_palette, palette[2:] if palette else None)

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._pending = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()
