package com.makeitright.followup.insights;

import com.makeitright.platform.instances.InstancesConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The insights add up the parts of every followup instance ({@code makeitright.instances.*}). */
@Configuration(proxyBeanMethods = false)
@Import(InstancesConfiguration.class)
class InsightsInstances {
}
