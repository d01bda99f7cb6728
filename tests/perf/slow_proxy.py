"""A TCP proxy that delays every chunk it forwards: a slow team server for the benchmarks.

Usage: python tests/perf/slow_proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS
Runs until killed; a process of its own, so it takes no time from the window it slows.
"""

from __future__ import annotations

import asyncio
import sys


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    try:
        while data := await reader.read(65536):
            await asyncio.sleep(delay)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def main(listen: int, host: str, port: int, delay: float) -> None:
    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(host, port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pipe(client_reader, server_writer, delay), pipe(server_reader, client_writer, delay)
        )

    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    print("listening", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    listen_port, target_host, target_port, delay_ms = sys.argv[1:5]
    asyncio.run(main(int(listen_port), target_host, int(target_port), int(delay_ms) / 1000))
