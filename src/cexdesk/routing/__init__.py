"""Queue selection and assignment: a pure engine over snapshots, plus the flows around it."""
