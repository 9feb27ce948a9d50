package io.trendline.saga.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param processor    which processor the port uses; {@code simulated} is the only one built in
 * @param latency      how long every simulated call takes ({@code TRENDLINE_PAYMENT_LATENCY})
 * @param slowLatency  how long the slow test card takes to be approved ({@code TRENDLINE_PAYMENT_SLOW_LATENCY})
 * @param noAnswerWait how long a call for the never-answering card waits before it times out
 *                     ({@code TRENDLINE_PAYMENT_NO_ANSWER_WAIT})
 */
@ConfigurationProperties("trendline.payment")
public record PaymentSettings(@DefaultValue("simulated") String processor,
                              @DefaultValue("100ms") Duration latency,
                              @DefaultValue("5s") Duration slowLatency,
                              @DefaultValue("10s") Duration noAnswerWait) {
}
