"""The McKenzie question in the loops: its keys, the plain-mode prompt, sending an answer."""

from collections.abc import Callable
from typing import TextIO

from backex.care.rules import SYMPTOM_CHOICES, SYMPTOM_QUESTION, Symptoms
from backex.session.engine import Session
from backex.session.types import Answer, SessionState, SkipReason

# The McKenzie question's answers, in SYMPTOM_CHOICES order: 1 better, 2 same, 3 worse, 4 leg.
ANSWER_KEYS: dict[bytes, Symptoms] = {
    str(number).encode(): symptoms for number, symptoms in enumerate(SYMPTOM_CHOICES, 1)
}
AnswerHook = Callable[[Symptoms], SkipReason | None]


def ask_symptoms_line(out: TextIO, stdin: TextIO | None) -> Symptoms | None:
    """Plain mode's McKenzie question: a line 1-4; Enter alone or no input skips."""
    choices = "".join(f"  {n} {text}\n" for n, text in enumerate(SYMPTOM_CHOICES.values(), 1))
    out.write(f"{SYMPTOM_QUESTION}\n{choices}")
    while True:
        out.write("Type 1-4 and Enter (Enter skips): ")
        out.flush()
        line = stdin.readline() if stdin is not None else ""
        if not line:  # closed input
            out.write("\n")
            return None
        answer = ANSWER_KEYS.get(line.strip().encode())
        if answer is not None or not line.strip():
            return answer
        out.write("Please type 1, 2, 3 or 4.\n")


class AnswerSender:
    """Sends an answer to the session, ending it when the hook gives a reason to stop."""

    def __init__(self, session: Session, hook: AnswerHook | None) -> None:
        self._session = session
        self._hook = hook

    def send(self, symptoms: Symptoms, now: float) -> SessionState:
        reason = self._hook(symptoms) if self._hook is not None else None
        return self._session.handle(Answer(now, symptoms, stop=reason))
