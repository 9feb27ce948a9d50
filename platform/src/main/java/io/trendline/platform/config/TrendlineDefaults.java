package io.trendline.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.CompositePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code trendline-defaults.yml} as the lowest-priority configuration of every service, so each deployable
 * shares one set of defaults while everything else still overrides them: its own {@code application-*.yml}, the
 * environment, the command line, and even the default properties set on a {@code SpringApplication} (the defaults
 * are merged beneath those, since Spring Boot moves its {@code defaultProperties} source to the very end).
 */
public class TrendlineDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "trendline-defaults.yml";
    private static final String DEFAULT_PROPERTIES = "defaultProperties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<PropertySource<?>> defaults;
        try {
            defaults = new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> applicationDefaults = sources.get(DEFAULT_PROPERTIES);
        if (applicationDefaults == null) {
            defaults.forEach(sources::addLast);
            return;
        }
        CompositePropertySource merged = new CompositePropertySource(DEFAULT_PROPERTIES);
        merged.addPropertySource(applicationDefaults);
        defaults.forEach(merged::addPropertySource);
        sources.replace(DEFAULT_PROPERTIES, merged);
    }
}
