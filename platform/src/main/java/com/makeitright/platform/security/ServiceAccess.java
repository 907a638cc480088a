package com.makeitright.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * One service's map of its endpoints to the roles that may call them: the one place to read who may do what in
 * that service. The platform's chain applies it after its own rules (open liveness/readiness and health status,
 * the rest of Actuator for {@code ops}) and before its last rule, which refuses anything left unmapped.
 */
@FunctionalInterface
public interface ServiceAccess {

    void authorize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
