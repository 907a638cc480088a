package com.makeitright.intake.common;

/** Intake holds no personal data of this customer: never seen, or already erased (HTTP 404). */
public class UnknownCustomer extends RuntimeException {

    public UnknownCustomer(String customerId) {
        super("Customer " + customerId + " has no personal data here: never received, or already erased");
    }
}
