package io.omnigraph.engine.schema;

import java.util.Optional;

/** {@code @embed("source", model="...")}: catalog metadata naming a vector's String source. */
public record EmbedSpec(String source, Optional<String> model) {}
