"""ScenarioError: the part of a what-if that cannot be used, and what to offer instead."""

from __future__ import annotations

from commands.reply import Suggestion


class ScenarioError(ValueError):
    """A part of a scenario that cannot be used; `part` is the words at fault.

    suggestions: "did you mean" names for the part (the reply puts each back into the
    question), or, with refusal=True, whole what-if questions the model can run instead.
    """

    def __init__(
        self,
        part: str,
        message: str,
        suggestions: tuple[Suggestion, ...] = (),
        refusal: bool = False,
    ) -> None:
        super().__init__(message)
        self.part = part
        self.message = message
        self.suggestions = suggestions
        self.refusal = refusal


class Unmodelled(ScenarioError):
    """A part of a scenario that reads as no change the model knows (no verb, no name of its
    own): left out, and said so, when the rest of the scenario can be modelled; `why` is what
    the "Not modelled" line says of it ("" for the general reason)."""

    def __init__(self, part: str, message: str, why: str = "") -> None:
        super().__init__(part, message)
        self.why = why
