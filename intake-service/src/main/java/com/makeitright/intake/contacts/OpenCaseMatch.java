package com.makeitright.intake.contacts;

import com.makeitright.events.ContactMatch;

/** The open case a new contact belongs to, and why. */
public record OpenCaseMatch(String complaintId, ContactMatch matchedBy) {
}
