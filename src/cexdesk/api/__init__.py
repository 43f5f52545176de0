"""HTTP plumbing shared by every domain's views: dependencies, limits, the router list."""
