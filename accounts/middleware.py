from django.http import JsonResponse

from . import services

API_PATH_PREFIX = "/api/"


class ApiTokenMiddleware:
    """Let a program read the JSON API with a personal token: `Authorization: Bearer kf_…`.

    Only under /api/ and only when the header is there; the person is set for this
    request alone, without a session, a cookie or a login signal. Everything else
    goes on as before: a session login, or the login page for someone anonymous.
    Sits between AuthenticationMiddleware and LoginRequiredMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        secret = bearer_secret(request) if request.path_info.startswith(API_PATH_PREFIX) else None
        if secret is not None:
            try:
                user = services.user_for_api_token(secret)
            except services.ApiTokenRefused as refusal:
                return refused(refusal.message)
            request.user = user

            async def auser():
                return user

            request.auser = auser
        return self.get_response(request)


def bearer_secret(request):
    """The secret of an `Authorization: Bearer …` header ("" when it is empty), or None without one."""
    scheme, _space, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else None


def refused(message):
    response = JsonResponse({"error": message}, status=401, json_dumps_params={"ensure_ascii": False})
    response["WWW-Authenticate"] = "Bearer"
    return response
