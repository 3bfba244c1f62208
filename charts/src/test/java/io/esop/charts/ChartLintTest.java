package io.esop.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import io.esop.charts.Chart.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** `helm lint --strict`: templates, Chart.yaml, values against values.schema.json, for every profile. */
class ChartLintTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void lintsStrictlyWithoutErrorsOrWarnings(Profile profile, @TempDir Path work) throws Exception {
        LintResult result = Chart.lint(profile, work);

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }
}
