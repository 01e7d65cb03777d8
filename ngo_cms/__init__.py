"""ngo_cms: the project package and the glue the domain apps share."""
