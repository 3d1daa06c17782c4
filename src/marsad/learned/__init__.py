"""Learned components: a sentence encoder and the sub-event-type classifier built on it.

Rules stay the explainable evidence; these only re-type an event where the classifier is
confident and the sentence has one event type (see ``marsad.learned.typing``).
"""
