package io.trendline.web;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON of the REST API. Jackson's Blackbird module replaces the reflection behind every property read and written
 * with generated lambdas (Spring Boot adds any {@link Module} bean to its ObjectMapper): the output is the same, and
 * a page of 2,160 candles is written measurably faster (see the candles-api benchmark).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    Module blackbirdModule() {
        return new BlackbirdModule();
    }
}
