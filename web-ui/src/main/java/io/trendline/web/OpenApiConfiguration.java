package io.trendline.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Configuration;

@Configuration
@OpenAPIDefinition(info = @Info(title = "Trendline API", version = "v1",
        description = "Crypto market analysis, forecasting and backtesting with a verifiable audit trail. Refusals "
                + "are RFC 9457 problem bodies; changes answer 202 and reads carry the version as ETag."))
class OpenApiConfiguration {
}
