package com.makeitright.followup.schedule;

import com.makeitright.events.Channel;

/**
 * How to reach the customer, kept from {@code ComplaintReceived} (the only event with PII) because
 * {@code FollowUpDue} must carry it.
 *
 * @param complaintChannel where the customer complained
 * @param sealed           the contact details as sealed by intake (docs/privacy.md), copied as they are onto
 *                         {@code FollowUpDue}: followup never sees them in clear, and they are unreadable once the
 *                         customer is erased; null for a complaint published before sealing (then the plain fields)
 */
public record CustomerContact(String name, String email, String phone, Channel complaintChannel, byte[] sealed) {

    public CustomerContact(String name, String email, String phone, Channel complaintChannel) {
        this(name, email, phone, complaintChannel, null);
    }
}
