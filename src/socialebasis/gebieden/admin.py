from django.contrib import admin

from socialebasis.gebieden.models import Gebied, Kerncijfers


class KerncijfersInline(admin.TabularInline):
    model = Kerncijfers
    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Gebied)
class GebiedAdmin(admin.ModelAdmin):
    """Areas come from CBS files (gebieden_laden); the admin only shows them."""

    list_display = ["code", "naam", "niveau", "gemeente"]
    list_filter = ["niveau"]
    search_fields = ["code", "naam"]
    inlines = [KerncijfersInline]
    readonly_fields = [f.name for f in Gebied._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
