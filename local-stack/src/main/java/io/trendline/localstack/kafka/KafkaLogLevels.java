package io.trendline.localstack.kafka;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the in-process broker's INFO chatter (hundreds of lines per start) down to WARN. Only done when Logback is the
 * SLF4J backend and only for loggers without a configured level, so an explicit logging configuration still wins.
 * Clients' loggers ({@code org.apache.kafka.clients}) are left alone: they belong to the application.
 */
final class KafkaLogLevels {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLogLevels.class);
    private static final String[] BROKER_LOGGERS = {
        "kafka", "state.change.logger", "org.apache.kafka.server", "org.apache.kafka.raft",
        "org.apache.kafka.controller", "org.apache.kafka.metadata", "org.apache.kafka.image",
        "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.queue",
        "org.apache.kafka.snapshot", "org.apache.kafka.security", "org.apache.kafka.common", "org.apache.zookeeper",
    };

    private KafkaLogLevels() {
    }

    static void quietBroker() {
        for (String name : BROKER_LOGGERS) {
            Logger logger = LoggerFactory.getLogger(name);
            if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
                return;
            }
            try {
                Method getLevel = logger.getClass().getMethod("getLevel");
                Class<?> level = getLevel.getReturnType();
                if (getLevel.invoke(logger) == null) {
                    logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("Cannot set the level of logger {}", name, e);
                return;
            }
        }
    }
}
