package com.makeitright.followup.schedule;

import com.makeitright.events.Channel;

/**
 * How to reach the customer, kept from {@code ComplaintReceived} (the only event with PII) because
 * {@code FollowUpDue} must carry it.
 *
 * @param complaintChannel where the customer complained
 */
public record CustomerContact(String name, String email, String phone, Channel complaintChannel) {
}
