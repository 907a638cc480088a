package com.makeitright.intake.common;

/** No complaint with this id has been received (HTTP 404). */
public class UnknownComplaint extends RuntimeException {

    private final String complaintId;

    public UnknownComplaint(String complaintId) {
        super("No complaint " + complaintId + " has been received");
        this.complaintId = complaintId;
    }

    public String complaintId() {
        return complaintId;
    }
}
