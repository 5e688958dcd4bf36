from django.urls import path

from plane import views

urlpatterns = [
    path("", views.health),
    path("robots.txt", views.robots),
    path("api/instances/", views.instances),
    path("api/users/me/", views.users_me),
    path("auth/get-csrf-token/", views.csrf_token),
    path("auth/sign-in/", views.sign_in),
    path("auth/sign-up/", views.sign_in),
]
