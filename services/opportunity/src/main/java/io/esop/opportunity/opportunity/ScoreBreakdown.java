package io.esop.opportunity.opportunity;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Why an opportunity scores what it does: each component's factor (0..1), weight and points. */
@RegisterForReflection
public record ScoreBreakdown(int score, List<Component> components) {

    @RegisterForReflection
    public record Component(String name, double factor, int weight, double points, String basis) {
    }
}
