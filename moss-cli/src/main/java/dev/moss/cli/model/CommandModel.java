package dev.moss.cli.model;

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
 */
public final class CommandModel {
    private final CommandSpec spec;

    private CommandModel(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * The model of {@code command} (its user object: a {@code Runnable} or {@code Callable} that
     * picocli runs), with {@code -h/--help} and {@code -V/--version}.
     */
    public static CommandModel of(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        // What mixinStandardHelpOptions would add, without reflecting on picocli's own mixin class.
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return new CommandModel(spec);
    }

    public CommandSpec spec() {
        return spec;
    }

    public CommandModel aliases(String... aliases) {
        spec.aliases(aliases);
        return this;
    }

    public CommandModel footer(String... footer) {
        spec.usageMessage().footer(footer);
        return this;
    }

    public CommandModel version(IVersionProvider provider) {
        spec.versionProvider(provider);
        return this;
    }

    /** Adds a subcommand given by its model. */
    public CommandModel subcommand(CommandModel sub) {
        spec.addSubcommand(sub.spec.name(), sub.spec);
        return this;
    }

    /** A boolean option that is false until typed. */
    public Arg<Boolean> flag(String description, String... names) {
        return add(OptionSpec.builder(names).type(boolean.class).initialValue(false).hasInitialValue(true)
                .description(description));
    }

    /** A flag of the root command that every subcommand accepts too (before or after its name). */
    public Arg<Boolean> inheritedFlag(String description, String... names) {
        return add(OptionSpec.builder(names).type(boolean.class).initialValue(false).hasInitialValue(true)
                .scopeType(ScopeType.INHERIT).description(description));
    }

    /** An option taking one value, null until typed. */
    public <T> Arg<T> option(Class<T> type, String label, String description, String... names) {
        return add(OptionSpec.builder(names).type(type).paramLabel(label).description(description));
    }

    /** An option taking one value, converted by {@code converter}. */
    public <T> Arg<T> option(Class<T> type, ITypeConverter<T> converter, String label, String description,
            String... names) {
        return add(OptionSpec.builder(names).type(type).converters(converter).paramLabel(label)
                .description(description));
    }

    /** An option with a default value, given as it would be typed; {@code ${DEFAULT-VALUE}} works in the description. */
    public <T> Arg<T> option(Class<T> type, String label, String defaultValue, String description, String... names) {
        return add(OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue)
                .description(description));
    }

    /** An inherited option (see {@link #inheritedFlag}) taking one value. */
    public <T> Arg<T> inheritedOption(Class<T> type, String label, String defaultValue, String description,
            String... names) {
        return add(OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue)
                .scopeType(ScopeType.INHERIT).description(description));
    }

    /** A repeatable option collecting every value given. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Arg<List<T>> repeated(Class<T> type, String label, String description, String... names) {
        return (Arg) add(OptionSpec.builder(names).type(List.class).auxiliaryTypes(type).arity("1")
                .initialValue(new java.util.ArrayList<T>()).hasInitialValue(true)
                .paramLabel(label).description(description));
    }

    /** One positional parameter. */
    public <T> Arg<T> parameter(Class<T> type, String arity, String label, String description) {
        return add(PositionalParamSpec.builder().type(type).arity(arity).paramLabel(label).description(description));
    }

    /** One positional parameter, converted by {@code converter}. */
    public <T> Arg<T> parameter(Class<T> type, ITypeConverter<T> converter, String arity, String label,
            String description) {
        return add(PositionalParamSpec.builder().type(type).converters(converter).arity(arity).paramLabel(label)
                .description(description));
    }

    /** All remaining positional parameters, as a list ({@code arity} such as {@code 1..*}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Arg<List<T>> parameters(Class<T> type, String arity, String label, String description) {
        return (Arg) add(PositionalParamSpec.builder().type(List.class).auxiliaryTypes(type).arity(arity)
                .paramLabel(label).description(description));
    }

    /** All remaining positional parameters, each converted by {@code converter}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Arg<List<T>> parameters(Class<T> type, ITypeConverter<T> converter, String arity, String label,
            String description) {
        return (Arg) add(PositionalParamSpec.builder().type(List.class).auxiliaryTypes(type).converters(converter)
                .arity(arity).paramLabel(label).description(description));
    }

    private <T> Arg<T> add(OptionSpec.Builder option) {
        OptionSpec built = option.build();
        spec.addOption(built);
        return new Arg<>(built);
    }

    private <T> Arg<T> add(PositionalParamSpec.Builder parameter) {
        PositionalParamSpec built = parameter.build();
        spec.addPositional(built);
        return new Arg<>(built);
    }
}
