package dev.dimmer.deploy.plan;

import dev.dimmer.plan.LoadedPlan;
import dev.dimmer.plan.PlanLoader;
import dev.dimmer.plan.PlanText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a plan file for the plan commands; a file that cannot be read becomes a one-line reason. */
public final class PlanFile {
    private static final PlanLoader LOADER = new PlanLoader();

    private PlanFile() {
    }

    /** The loaded plan, or empty after writing why the file could not be read to {@code errors}. */
    public static Optional<LoadedPlan> read(Path file, java.io.PrintWriter errors) {
        try {
            PlanText.Decoded decoded = PlanText.decode(file.toString(), Files.readAllBytes(file));
            if (decoded.problem() == null) {
                return Optional.of(LOADER.read(file.toString(), decoded.text()));
            }
            errors.println(decoded.problem().render());
        } catch (NoSuchFileException e) {
            errors.println(file + ": no such file; give the path of a plan YAML or JSON file");
        } catch (IOException e) {
            errors.println(file + ": cannot read: " + e.getMessage());
        }
        errors.flush();
        return Optional.empty();
    }
}
