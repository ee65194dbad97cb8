package dev.moss.cli.model;

import picocli.CommandLine.Model.ArgSpec;

/**
 * The value of one option or positional parameter of a command's model, typed. picocli keeps the
 * value (its default until the option is typed); this reads it after parsing.
 */
public final class Arg<T> {
    private final ArgSpec spec;

    Arg(ArgSpec spec) {
        this.spec = spec;
    }

    /** The value parsed, or the default (or initial) value when the option was not typed. */
    public T get() {
        return spec.getValue();
    }
}
