package dev.moss.cli.command.state;

import dev.moss.db.state.StateId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive decimal state id, as typed on the command line. */
final class StateIdConverter implements ITypeConverter<StateId> {
    @Override
    public StateId convert(String value) {
        try {
            return StateId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a state id (a positive number)");
        }
    }
}
