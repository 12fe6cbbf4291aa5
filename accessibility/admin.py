from django.contrib import admin

from .models import AccessibilityFeedback


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ("created_at", "page", "message", "email")
    search_fields = ("message", "page", "email", "name")
    readonly_fields = ("submission_id", "created_at", "language")
    date_hierarchy = "created_at"
