"""Where staged batches and the lake live: a local folder, or an S3-compatible store by URL.

A location is a local path (a `Path`) or ``s3://bucket/prefix`` (a string). Every read and
write of staged batches and of the lake goes through this one layer, pyarrow's filesystems
(`pyarrow.fs.LocalFileSystem` and `pyarrow.fs.S3FileSystem`): pyarrow is already what writes
the Parquet files and what DuckDB reads remote data through (a registered Arrow dataset), so a
second S3 client would only add a dependency and another set of settings.

The S3 store is configured as AWS tools are, from the environment of each process that touches
it (the run, and every Dask worker): ``AWS_ENDPOINT_URL_S3`` or ``AWS_ENDPOINT_URL`` for a store
that is not AWS (MinIO, Ceph, moto: ``http://host:9000``), ``AWS_REGION`` or ``AWS_DEFAULT_REGION``,
and credentials from ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` / ``AWS_SESSION_TOKEN``
or a profile (``AWS_PROFILE``, ``~/.aws/credentials``), which the AWS SDK inside pyarrow reads
itself. Nothing about the store travels between processes but its URL.

Writes are whole-object: a file's bytes are made in memory first and then written in one go,
locally to a temporary name renamed over the target, on S3 as one upload, which S3 makes
visible only once complete. So a writer that fails or is killed half-way never leaves a
truncated file under a final name.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
from pathlib import Path, PurePosixPath
from typing import Iterator, Union

Location = Union[Path, str]

S3_PREFIX = "s3://"


class StorageError(OSError):
    """The store could not be read or written (unreachable, no such bucket, no permission)."""


def is_remote(location: Location) -> bool:
    return isinstance(location, str) and location.startswith(S3_PREFIX)


def location(value: str | os.PathLike) -> Location:
    """``value`` as a location: ``s3://bucket/prefix`` stays a URL (without a trailing slash),
    anything else is a local path. Other URL schemes are refused, not taken for folder names."""
    text = os.fspath(value)
    if isinstance(value, PurePosixPath) and text.startswith("s3:/") and not text.startswith(S3_PREFIX):
        text = S3_PREFIX + text[len("s3:/"):]  # a URL that went through Path() lost a slash
    if text.startswith(S3_PREFIX):
        rest = text[len(S3_PREFIX):].strip("/")
        if not rest or rest.startswith("/"):
            raise ValueError(f"{value!r}: an S3 location is s3://bucket or s3://bucket/prefix")
        return S3_PREFIX + rest
    if "://" in text:
        raise ValueError(f"{value!r}: storage is a local path or s3://bucket/prefix")
    return Path(text)


def join(base: Location, *parts: str) -> Location:
    if is_remote(base):
        return "/".join([base.rstrip("/"), *(p.strip("/") for p in parts)])
    return Path(base).joinpath(*parts)


def name(target: Location) -> str:
    return str(target).rstrip("/").rsplit("/", 1)[-1]


def relative(target: Location, base: Location) -> str | None:
    """``target``'s path below ``base`` with "/" between parts, or None when it is not below it."""
    inner, outer = str(absolute(target)).rstrip("/"), str(absolute(base)).rstrip("/")
    return inner[len(outer) + 1:] if inner.startswith(outer + "/") else None


def absolute(target: Location) -> Location:
    """A local path made absolute (to send to processes with another working folder)."""
    return target if is_remote(target) else Path(os.path.abspath(target))


# -- the filesystem behind a location ---------------------------------------------------------

def s3_endpoint() -> str | None:
    return os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or None


def s3_region() -> str | None:
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or None


@functools.lru_cache(maxsize=8)
def _s3_filesystem(endpoint: str | None, region: str | None, profile: str | None):
    from pyarrow import fs

    options = {"connect_timeout": 10.0, "request_timeout": 60.0,
               "retry_strategy": fs.AwsStandardS3RetryStrategy(max_attempts=3)}
    if endpoint:
        options["endpoint_override"] = endpoint
    if region:
        options["region"] = region
    return fs.S3FileSystem(**options)


def filesystem(target: Location):
    """The pyarrow filesystem of ``target`` and the path of ``target`` inside it."""
    if is_remote(target):
        return (_s3_filesystem(s3_endpoint(), s3_region(), os.environ.get("AWS_PROFILE")),
                target[len(S3_PREFIX):])
    from pyarrow import fs

    return fs.LocalFileSystem(), os.path.abspath(target)


def describe(target: Location) -> str:
    """The location as people read it in an error, with the endpoint of a non-AWS store."""
    if is_remote(target) and s3_endpoint():
        return f"{target} (endpoint {s3_endpoint()})"
    return str(target)


@contextlib.contextmanager
def errors(target: Location, action: str) -> Iterator[None]:
    """Turn a store's error into a `StorageError` that says what could not be done, and where."""
    if not is_remote(target):
        yield
        return
    try:
        yield
    except StorageError:
        raise
    except OSError as exc:
        raise StorageError(f"cannot {action} {describe(target)}: {exc}") from exc


# -- operations ---------------------------------------------------------------------------------

def write_bytes(target: Location, data: bytes) -> None:
    """Write ``data`` as the whole of ``target``, atomically (see the module's docstring)."""
    if not is_remote(target):
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with open(partial, "wb") as handle:
            handle.write(data)
        os.replace(partial, target)
        return
    fs, path = filesystem(target)
    with errors(target, "write"):
        stream = fs.open_output_stream(path)
        stream.write(data)  # held back by pyarrow until close for a small file, in parts if large
        stream.close()


def parquet_bytes(table) -> bytes:
    """An Arrow table as the bytes of one Parquet file (zstd), made in memory."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def write_parquet(target: Location, table) -> int:
    """Write an Arrow table as one Parquet file at ``target``, atomically; its size in bytes."""
    data = parquet_bytes(table)
    write_bytes(target, data)
    return len(data)


def write_parquet_batches(target: Location, schema, batches) -> int:
    """Write Arrow record batches as one Parquet file at ``target`` without holding them all in
    memory: the file is written under a ``.partial`` name next to ``target`` and then moved into
    place, so a reader meets the old file or the whole new one. Its size in bytes.

    A lake partition can outgrow memory, and an Arrow string column cannot hold more than 2 GB
    in one array: batch by batch, neither limit is met."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def write_to(sink) -> None:
        with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
            for batch in batches:
                writer.write_table(pa.Table.from_batches([batch]).cast(schema))

    if not is_remote(target):
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        try:
            write_to(str(partial))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        os.replace(partial, target)
        return target.stat().st_size
    fs, path = filesystem(target)
    partial = path + ".partial"
    with errors(target, "write"):
        with fs.open_output_stream(partial) as stream:
            write_to(stream)
        fs.move(partial, path)
        return fs.get_file_info(path).size


def read_bytes(target: Location) -> bytes:
    """The whole file at ``target``; FileNotFoundError when there is none."""
    if not is_remote(target):
        return Path(target).read_bytes()
    if size(target) is None:
        raise FileNotFoundError(f"no file at {target}")
    fs, path = filesystem(target)
    with errors(target, "read"):
        with fs.open_input_stream(path) as stream:
            return stream.read()


def size(target: Location) -> int | None:
    """The size of the file at ``target`` in bytes, or None when there is none."""
    if not is_remote(target):
        try:
            return Path(target).stat().st_size
        except FileNotFoundError:
            return None
    from pyarrow import fs as pafs

    fs, path = filesystem(target)
    with errors(target, "read"):
        info = fs.get_file_info(path)
    return info.size if info.type == pafs.FileType.File else None


def delete_tree(target: Location) -> None:
    """Remove everything under ``target`` (nothing there is fine)."""
    if not is_remote(target):
        shutil.rmtree(target, ignore_errors=True)
        return
    fs, path = filesystem(target)
    with errors(target, "clear"):
        fs.delete_dir_contents(path, missing_dir_ok=True)


def parquet_dataset(paths: list[Location], schema=None):
    """A pyarrow dataset over Parquet files of one location kind (what DuckDB scans over Arrow)."""
    import pyarrow.dataset as ds

    if not paths:
        raise ValueError("no files")
    fs, _ = filesystem(paths[0])
    inner = [filesystem(p)[1] for p in paths]
    with errors(paths[0], "read"):
        return ds.dataset(inner, filesystem=fs, format="parquet", schema=schema)
