package dev.keyline.schemas.events;

/** The {@code data} member of a Keyline CloudEvent; each permitted record is one versioned event type. */
public sealed interface EventData permits LineEvent, LedgerEvent, AlertChanged {}
