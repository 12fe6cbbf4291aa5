"""Shared PDF building blocks (fonts, tagged PDF/UA structure) for every PDF Sensi writes."""
