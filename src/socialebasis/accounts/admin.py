"""Technical administration (superusers only). Residents' data is deliberately not in the admin:
every read of it must go through the audited services and the role rules."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from socialebasis.accounts.models import Organisatie, Team, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "naam", "rol", "gemeente", "is_active"]
    list_filter = ["rol", "gemeente", "is_active"]
    search_fields = ["email", "naam"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Gegevens", {"fields": ["naam", "rol", "gemeente", "organisatie", "teams"]}),
        ("Status", {"fields": ["is_active", "is_staff", "is_superuser", "last_login"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "naam", "rol", "gemeente", "password1", "password2"]})
    ]
    readonly_fields = ["last_login"]
    filter_horizontal = ["teams"]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort"]
    search_fields = ["naam"]
    filter_horizontal = ["gemeenten"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente", "organisatie"]
    list_filter = ["gemeente"]
    filter_horizontal = ["wijken"]
