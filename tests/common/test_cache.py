from common.cache import RedisCache


def test_one_redis_client_serves_every_call_to_a_server():
    # No command is sent: a client connects only when asked something.
    cache = RedisCache("redis://127.0.0.1:6390/0", {})
    client = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is client
    assert cache._cache.get_client("c", write=True) is client
    assert client.connection_pool.connection_kwargs["port"] == 6390


def test_reads_from_a_second_server_get_its_own_client():
    cache = RedisCache("redis://127.0.0.1:6390/0;redis://127.0.0.1:6391/0", {})
    writer = cache._cache.get_client(write=True)
    reader = cache._cache.get_client()
    assert writer.connection_pool.connection_kwargs["port"] == 6390
    assert reader.connection_pool.connection_kwargs["port"] == 6391
    assert cache._cache.get_client() is reader
