package io.trendline.web.backtest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BacktestLimits.class)
class BacktestConfiguration {
}
