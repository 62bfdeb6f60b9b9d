package org.mayorsoffice.casework.shared.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (the email outbox, mailbox intake, enquiry chasers). Tests switch scheduling off
 * with {@code casework.scheduling.enabled=false} and run the jobs' methods themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "casework.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
