"""How many SQL queries a request ran, in a response header, when the request asks for it (bench settings only)."""

from django.db import connections

REQUEST_HEADER = "X-Bench-Count-Queries"
RESPONSE_HEADER = "X-Bench-Queries"


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class QueryCountMiddleware:
    """First of all middleware, so that the session, the sign-in checks and the page's own queries all count.

    Only a request with the header is counted: the load generator's requests go through untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.headers.get(REQUEST_HEADER) != "1":
            return self.get_response(request)
        counter = QueryCounter()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response[RESPONSE_HEADER] = str(counter.count)
        return response
