package dev.moss.cli.model;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * Builds a command's picocli model in code. picocli's annotations would describe the same model,
 * but reading them at every start costs reflection and one generated proxy class per annotation
 * type, which the JDK's AOT cache cannot keep: about 0.1 s of each {@code moss} run, where a query
 * such as {@code moss li} should take 0.2 s in all. A model built here is plain object creation.
 *
 * <p>Each command creates its model in a field initializer and declares its options after it:
 * <pre>{@code
 * private final CommandModel model = CommandModel.of(this, "installed", "List the installed packages.");
 * private final Arg<Boolean> json = model.flag("Print JSON.", "--json");
 * }</pre>
 * The first call of {@link #spec()} finishes the model; options cannot be added after it.
 */
public final class CommandModel {
    private final CommandSpec spec;
    private boolean finished;

    private CommandModel(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * The model of {@code command} (its user object: a {@code Runnable} or {@code Callable} that
     * picocli runs; neither for a group, so that picocli reports a missing subcommand).
     */
    public static CommandModel of(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        // picocli interpolates ${...} variables in every text of the model, and in the split
        // pattern of each argument it parses: about 0.1 ms per argument before the JIT has warmed
        // up, 30 ms for an install of 300 stones. The only variable moss used, ${DEFAULT-VALUE},
        // is filled in when the option is declared (see optionWithDefault).
        spec.interpolateVariables(false);
        spec.usageMessage().description(description);
        return new CommandModel(spec);
    }

    /**
     * The finished model. Finishing adds {@code -h/--help} and {@code -V/--version} after the
     * command's own options, where picocli's standard help mixin put them (help sorts options, the
     * bash completion script does not); like the mixin, neither when one of their names is taken.
     */
    public CommandSpec spec() {
        if (!finished) {
            finished = true;
            addStandardHelpOptions();
        }
        return spec;
    }

    /** Other names the command answers to, e.g. {@code it} for install. */
    public CommandModel aliases(String... aliases) {
        spec.aliases(aliases);
        return this;
    }

    /** Lines after the options in the usage help ({@code %n} is a line break). */
    public CommandModel footer(String... footer) {
        spec.usageMessage().footer(footer);
        return this;
    }

    /** What {@code -V} prints; without a provider it prints nothing. */
    public CommandModel version(IVersionProvider provider) {
        spec.versionProvider(provider);
        return this;
    }

    /** Adds a subcommand given by its model (which this finishes). */
    public CommandModel subcommand(CommandModel sub) {
        spec.addSubcommand(sub.spec.name(), sub.spec());
        return this;
    }

    /** A boolean option that is false until typed. */
    public Arg<Boolean> flag(String description, String... names) {
        return add(flagBuilder(description, names));
    }

    /** A flag of the root command that every subcommand accepts too (before or after its name). */
    public Arg<Boolean> inheritedFlag(String description, String... names) {
        return add(flagBuilder(description, names).scopeType(ScopeType.INHERIT));
    }

    /** An option taking one value, null until typed. */
    public <T> Arg<T> option(Class<T> type, String label, String description, String... names) {
        return add(OptionSpec.builder(names).type(type).paramLabel(label).description(description));
    }

    /**
     * An option with a default value, as it would be typed; {@value #DEFAULT_VALUE} in the
     * description stands for it.
     */
    public <T> Arg<T> optionWithDefault(Class<T> type, String label, String defaultValue, String description,
            String... names) {
        return add(OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue)
                .description(withDefault(description, defaultValue)));
    }

    /** How a description names its option's default value. */
    public static final String DEFAULT_VALUE = "${DEFAULT-VALUE}";

    private static String withDefault(String description, String defaultValue) {
        return description.replace(DEFAULT_VALUE, String.valueOf(defaultValue)); // picocli showed "null" too
    }

    /** An option taking one value that must be given: picocli reports it missing otherwise. */
    public <T> Arg<T> requiredOption(Class<T> type, String label, String description, String... names) {
        return add(OptionSpec.builder(names).type(type).paramLabel(label).required(true).description(description));
    }

    /** An inherited option (see {@link #inheritedFlag}) taking one value. */
    public <T> Arg<T> inheritedOption(Class<T> type, String label, String defaultValue, String description,
            String... names) {
        return add(OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue)
                .scopeType(ScopeType.INHERIT).description(withDefault(description, defaultValue)));
    }

    /** A repeatable option collecting every value given; an empty list when never typed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Arg<List<T>> repeated(Class<T> type, String label, String description, String... names) {
        return (Arg) add(OptionSpec.builder(names).type(List.class).auxiliaryTypes(type).arity("1")
                .initialValue(new ArrayList<T>()).hasInitialValue(true)
                .paramLabel(label).description(description));
    }

    /** One required positional parameter, the next after those declared before it. */
    public <T> Arg<T> parameter(Class<T> type, String label, String description) {
        return add(single(type, label, description));
    }

    /** One required positional parameter, converted by {@code converter}. */
    public <T> Arg<T> parameter(Class<T> type, ITypeConverter<T> converter, String label, String description) {
        return add(single(type, label, description).converters(converter));
    }

    /** All remaining positional parameters, at least one, as a list. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Arg<List<T>> parameters(Class<T> type, String label, String description) {
        return (Arg) add(PositionalParamSpec.builder().type(List.class).auxiliaryTypes(type).arity("1..*")
                .required(true).paramLabel(label).description(description).parameterConsumer(TrailingValues.of(type)));
    }

    /**
     * Each standard option whose names are all free: {@code pack --version} is the package's
     * version, so pack gets {@code -h/--help} but no {@code -V}. (picocli's standard help mixin
     * dropped both there, which left {@code moss pack --help} failing on the missing arguments.)
     */
    private void addStandardHelpOptions() {
        OptionSpec help = flagBuilder("Show this help message and exit.", "-h", "--help").usageHelp(true).build();
        OptionSpec version = flagBuilder("Print version information and exit.", "-V", "--version")
                .versionHelp(true).build();
        for (OptionSpec standard : new OptionSpec[] {help, version}) {
            if (java.util.Arrays.stream(standard.names()).noneMatch(spec.optionsMap()::containsKey)) {
                spec.addOption(standard);
            }
        }
    }

    /**
     * A fixed index, as the annotations of pack and index gave: picocli sorts required arguments by
     * index, and with an automatic one {@code moss pack} alone would report its missing options
     * before its missing DIR. The arity follows from the type.
     */
    private PositionalParamSpec.Builder single(Class<?> type, String label, String description) {
        return PositionalParamSpec.builder().index(String.valueOf(spec.positionalParameters().size())).type(type)
                .required(true).paramLabel(label).description(description);
    }

    private static OptionSpec.Builder flagBuilder(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false).hasInitialValue(true)
                .description(description);
    }

    private <T> Arg<T> add(OptionSpec.Builder option) {
        OptionSpec built = option.build();
        requireUnfinished(built.longestName());
        spec.addOption(built);
        return new Arg<>(built);
    }

    private <T> Arg<T> add(PositionalParamSpec.Builder parameter) {
        PositionalParamSpec built = parameter.build();
        requireUnfinished(built.paramLabel());
        spec.addPositional(built);
        return new Arg<>(built);
    }

    private void requireUnfinished(String what) {
        if (finished) {
            throw new IllegalStateException(what + " added to " + spec.name() + " after its model was finished");
        }
    }
}
