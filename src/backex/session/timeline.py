"""Where a session stands in time: which exercise, which segment, since when.

Each segment ends at an absolute deadline, its start plus its length; a pause moves the
current start by the paused time, so no drift accumulates however late the ticks arrive.
"""

from dataclasses import replace

from backex.session.phases import segment_events
from backex.session.types import CueEvent, PhaseKind, PhaseStart, Segment


class Timeline:
    """A cursor over every exercise's segments, with pause and the log of phases entered."""

    def __init__(self, segments: list[list[Segment]]) -> None:
        self.segments = segments
        self.item_totals = [sum(s.duration for s in segs) for segs in segments]
        self.item = 0
        self.seg = 0
        self.seg_start = 0.0
        self.paused_at: float | None = None
        self.log: list[PhaseStart] = []
        self._event_ptr = 0

    @property
    def segment(self) -> Segment:
        return self.segments[self.item][self.seg]

    @property
    def deadline(self) -> float:
        """When the current segment ends (if no pause moves it)."""
        return self.seg_start + self.segment.duration

    @property
    def has_next_segment(self) -> bool:
        return self.seg + 1 < len(self.segments[self.item])

    def enter_item(self, index: int, at: float, skip_lead_in: bool) -> None:
        """Start exercise ``index`` at ``at``; ``skip_lead_in`` leaves out its transition."""
        self.item = index
        first = 0
        if skip_lead_in:
            kinds = [s.kind for s in self.segments[index]]
            first = 1 if kinds[0] is PhaseKind.TRANSITION and len(kinds) > 1 else 0
        self.enter_segment(first, at)

    def enter_segment(self, index: int, at: float) -> None:
        self.seg = index
        self.seg_start = at
        self._event_ptr = 0
        s = self.segment
        self.log.append(PhaseStart(at, self.item, s.kind, s.set_no, s.rep_no, s.side, s.step))

    def due_events(self, upto: float) -> list[CueEvent]:
        """The current segment's cues due by ``upto`` not given yet, at absolute times."""
        events = segment_events(self.segment)
        due: list[CueEvent] = []
        while self._event_ptr < len(events):
            event = events[self._event_ptr]
            at = self.seg_start + event.at
            if at > upto:
                break
            due.append(replace(event, at=at))
            self._event_ptr += 1
        return due

    def pause(self, at: float) -> None:
        if self.paused_at is None:
            self.paused_at = at

    def resume(self, now: float) -> None:
        if self.paused_at is None:
            return
        self.seg_start += now - self.paused_at
        self.paused_at = None

    def position_time(self, now: float) -> float:
        """``now`` as the session sees it: frozen at the pause while paused."""
        return self.paused_at if self.paused_at is not None else now

    def time_in_segment(self, now: float) -> float:
        return max(0.0, self.position_time(now) - self.seg_start)

    def offset_in_item(self, now: float) -> float:
        done = sum(s.duration for s in self.segments[self.item][: self.seg])
        return done + self.time_in_segment(now)

    def lead_in_s(self) -> float:
        """How long the current exercise runs before its first work segment."""
        lead_in = 0.0
        for segment in self.segments[self.item]:
            if segment.kind is PhaseKind.WORK:
                break
            lead_in += segment.duration
        return lead_in

    def after_item_s(self) -> float:
        """The planned length of every exercise after the current one."""
        return float(sum(self.item_totals[self.item + 1 :]))

    def after_segment_s(self) -> float:
        """The planned length of everything after the current segment."""
        rest_of_item = sum(s.duration for s in self.segments[self.item][self.seg + 1 :])
        return rest_of_item + self.after_item_s()
