// Package recruit owns recruitment: capturing prospects with duplicate
// detection, the weighted scorecard, approval (which starts onboarding in
// the same transaction) and decline, and the pipeline with its filters.
package recruit
