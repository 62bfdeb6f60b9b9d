package org.mayorsoffice.casework.correspondence.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImapSettings.class)
class CorrespondenceConfiguration {}
