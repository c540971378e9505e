package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The server's logback.xml, as shipped: text by default, one JSON object per line with MATCHMAKING_LOG_FORMAT=json. */
class LogFormatTest {

    /** Configures a fresh logger context from the shipped logback.xml and logs one access line through it. */
    private static String accessLine(String format) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            if (format != null) {
                context.putProperty("MATCHMAKING_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            Logger access = context.getLogger("io.matchmaking.access");
            access.atInfo().addKeyValue("method", "POST").addKeyValue("route", "/join").addKeyValue("status", 200)
                    .addKeyValue("duration_ms", 0.412).addKeyValue("request_id", "abc")
                    .log("POST /join 200 0.412ms request_id=abc");
        } finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void textIsTheDefault() throws Exception {
        assertThat(accessLine(null)).contains("INFO", "io.matchmaking.access", "POST /join 200 0.412ms request_id=abc");
    }

    @Test
    void jsonWritesOneObjectPerLineWithTheFieldsAsProperties() throws Exception {
        String line = accessLine("json");

        assertThat(line.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("message").asText()).isEqualTo("POST /join 200 0.412ms request_id=abc");
        assertThat(json.get("logger_name").asText()).isEqualTo("io.matchmaking.access");
        assertThat(json.get("method").asText()).isEqualTo("POST");
        assertThat(json.get("route").asText()).isEqualTo("/join");
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("duration_ms").asDouble()).isEqualTo(0.412);
        assertThat(json.get("request_id").asText()).isEqualTo("abc");
    }
}
