"""Programs: police training (courses, cohorts, trainer nations) and reconstruction readiness
by governorate."""
