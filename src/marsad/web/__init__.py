"""Base templates, navigation, i18n helpers and static files shared by every area's pages."""
