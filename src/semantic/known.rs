//! What asyncmod knows, without reading them, about the well-known async
//! libraries a project imports (SPEC §4): which of their functions and
//! methods are coroutine functions, which return an awaitable that is no
//! coroutine (a future, a request context manager: `asyncio.run` and
//! `create_task` reject those, `await` accepts them), which objects hold a
//! session or a connection. Only what the libraries' own code shows, for
//! the versions in use at the end of 2026; a name not listed is unknown.

/// What calling a known function or method gives back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returns {
    /// A coroutine (an `async def`, or a `def` returning one).
    Coroutine,
    /// An awaitable that is no coroutine: a future, a task, an object with
    /// `__await__` (`websockets.serve(...)`, `aiohttp.ClientSession.get(...)`).
    Awaitable,
    /// A plain value: nothing to await.
    Value,
}

/// A class of a well-known library.
#[derive(Debug)]
pub struct KnownClass {
    pub name: &'static str,
    /// A session, connection, cursor or stream: one operation at a time.
    pub stateful: bool,
    /// `async with Class(...) as x` binds the instance itself.
    pub enter_returns_self: bool,
    pub methods: &'static [(&'static str, Returns)],
}

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use Returns::{Awaitable, Coroutine, Value};

/// Modules' functions, by public dotted name.
const FUNCTIONS: &[(&str, Returns)] = &[
    ("aiohttp.request", Awaitable),
    ("anyio.open_file", Coroutine),
    ("anyio.run", Value),
    ("anyio.sleep", Coroutine),
    ("anyio.sleep_forever", Coroutine),
    ("anyio.to_thread.run_sync", Coroutine),
    ("anyio.create_task_group", Value),
    ("aiofiles.open", Awaitable),
    // `aiofiles.os` and `aiofiles.ospath` (`aiofiles.os.path`) wrap each
    // `os` function in an `async def` that runs it in an executor.
    ("aiofiles.os.access", Coroutine),
    ("aiofiles.os.getcwd", Coroutine),
    ("aiofiles.os.link", Coroutine),
    ("aiofiles.os.listdir", Coroutine),
    ("aiofiles.os.makedirs", Coroutine),
    ("aiofiles.os.mkdir", Coroutine),
    ("aiofiles.os.path.abspath", Coroutine),
    ("aiofiles.os.path.exists", Coroutine),
    ("aiofiles.os.path.getatime", Coroutine),
    ("aiofiles.os.path.getctime", Coroutine),
    ("aiofiles.os.path.getmtime", Coroutine),
    ("aiofiles.os.path.getsize", Coroutine),
    ("aiofiles.os.path.isdir", Coroutine),
    ("aiofiles.os.path.isfile", Coroutine),
    ("aiofiles.os.path.islink", Coroutine),
    ("aiofiles.os.path.ismount", Coroutine),
    ("aiofiles.os.path.samefile", Coroutine),
    ("aiofiles.os.path.sameopenfile", Coroutine),
    ("aiofiles.os.readlink", Coroutine),
    ("aiofiles.os.remove", Coroutine),
    ("aiofiles.os.removedirs", Coroutine),
    ("aiofiles.os.rename", Coroutine),
    ("aiofiles.os.renames", Coroutine),
    ("aiofiles.os.replace", Coroutine),
    ("aiofiles.os.rmdir", Coroutine),
    ("aiofiles.os.scandir", Coroutine),
    ("aiofiles.os.sendfile", Coroutine),
    ("aiofiles.os.stat", Coroutine),
    ("aiofiles.os.statvfs", Coroutine),
    ("aiofiles.os.symlink", Coroutine),
    ("aiofiles.os.unlink", Coroutine),
    ("asyncpg.connect", Coroutine),
    ("asyncpg.create_pool", Awaitable),
    ("redis.asyncio.from_url", Value),
    ("sqlalchemy.ext.asyncio.create_async_engine", Value),
    ("trio.open_nursery", Value),
    ("trio.run", Value),
    ("trio.sleep", Coroutine),
    ("trio.sleep_forever", Coroutine),
    ("trio.to_thread.run_sync", Coroutine),
    ("websockets.connect", Awaitable),
    ("websockets.serve", Awaitable),
    ("websockets.unix_connect", Awaitable),
    ("websockets.unix_serve", Awaitable),
];

const AIOHTTP_SESSION_METHODS: &[(&str, Returns)] = &[
    ("close", Coroutine),
    ("delete", Awaitable),
    ("get", Awaitable),
    ("head", Awaitable),
    ("options", Awaitable),
    ("patch", Awaitable),
    ("post", Awaitable),
    ("put", Awaitable),
    ("request", Awaitable),
    ("ws_connect", Awaitable),
];

const HTTPX_CLIENT_METHODS: &[(&str, Returns)] = &[
    ("aclose", Coroutine),
    ("delete", Coroutine),
    ("get", Coroutine),
    ("head", Coroutine),
    ("options", Coroutine),
    ("patch", Coroutine),
    ("post", Coroutine),
    ("put", Coroutine),
    ("request", Coroutine),
    ("send", Coroutine),
    ("stream", Value),
];

const ASYNCPG_QUERY_METHODS: &[(&str, Returns)] = &[
    ("add_listener", Coroutine),
    ("close", Coroutine),
    ("copy_from_query", Coroutine),
    ("copy_from_table", Coroutine),
    ("copy_records_to_table", Coroutine),
    ("copy_to_table", Coroutine),
    ("execute", Coroutine),
    ("executemany", Coroutine),
    ("fetch", Coroutine),
    ("fetchmany", Coroutine),
    ("fetchrow", Coroutine),
    ("fetchval", Coroutine),
    ("prepare", Coroutine),
    ("remove_listener", Coroutine),
    ("reset", Coroutine),
    ("reset_type_codec", Coroutine),
    ("set_type_codec", Coroutine),
    ("transaction", Value),
];

const ASYNCPG_POOL_METHODS: &[(&str, Returns)] = &[
    ("acquire", Awaitable),
    ("close", Coroutine),
    ("execute", Coroutine),
    ("executemany", Coroutine),
    ("fetch", Coroutine),
    ("fetchrow", Coroutine),
    ("fetchval", Coroutine),
    ("release", Coroutine),
];

const SQLALCHEMY_SESSION_METHODS: &[(&str, Returns)] = &[
    ("add", Value),
    ("add_all", Value),
    ("begin", Awaitable),
    ("close", Coroutine),
    ("commit", Coroutine),
    ("delete", Coroutine),
    ("execute", Coroutine),
    ("expunge", Value),
    ("flush", Coroutine),
    ("get", Coroutine),
    ("merge", Coroutine),
    ("refresh", Coroutine),
    ("rollback", Coroutine),
    ("run_sync", Coroutine),
    ("scalar", Coroutine),
    ("scalars", Coroutine),
    ("stream", Coroutine),
    ("stream_scalars", Coroutine),
];

const SQLALCHEMY_CONNECTION_METHODS: &[(&str, Returns)] = &[
    ("close", Coroutine),
    ("commit", Coroutine),
    ("execute", Coroutine),
    ("rollback", Coroutine),
    ("run_sync", Coroutine),
    ("scalar", Coroutine),
    ("scalars", Coroutine),
    ("stream", Coroutine),
];

const REDIS_METHODS: &[(&str, Returns)] = &[
    ("aclose", Coroutine),
    ("close", Coroutine),
    ("decr", Coroutine),
    ("delete", Coroutine),
    ("execute_command", Coroutine),
    ("exists", Coroutine),
    ("expire", Coroutine),
    ("get", Coroutine),
    ("hdel", Coroutine),
    ("hget", Coroutine),
    ("hgetall", Coroutine),
    ("hset", Coroutine),
    ("incr", Coroutine),
    ("keys", Coroutine),
    ("lpop", Coroutine),
    ("lpush", Coroutine),
    ("mget", Coroutine),
    ("mset", Coroutine),
    ("ping", Coroutine),
    ("pipeline", Value),
    ("publish", Coroutine),
    ("pubsub", Value),
    ("rpop", Coroutine),
    ("rpush", Coroutine),
    ("sadd", Coroutine),
    ("set", Coroutine),
    ("smembers", Coroutine),
];

const WEBSOCKET_METHODS: &[(&str, Returns)] = &[
    ("close", Coroutine),
    ("ping", Coroutine),
    ("recv", Coroutine),
    ("send", Coroutine),
    ("wait_closed", Coroutine),
];

const AIOHTTP_WEBSOCKET_METHODS: &[(&str, Returns)] = &[
    ("close", Coroutine),
    ("receive", Coroutine),
    ("receive_bytes", Coroutine),
    ("receive_json", Coroutine),
    ("receive_str", Coroutine),
    ("send_bytes", Coroutine),
    ("send_json", Coroutine),
    ("send_str", Coroutine),
];

/// Motor wraps PyMongo's calls in futures run on a thread pool.
const MOTOR_COLLECTION_METHODS: &[(&str, Returns)] = &[
    ("count_documents", Awaitable),
    ("delete_many", Awaitable),
    ("delete_one", Awaitable),
    ("find", Value),
    ("find_one", Awaitable),
    ("insert_many", Awaitable),
    ("insert_one", Awaitable),
    ("replace_one", Awaitable),
    ("update_many", Awaitable),
    ("update_one", Awaitable),
];

const ASYNCIO_STREAM_WRITER_METHODS: &[(&str, Returns)] = &[
    ("close", Value),
    ("drain", Coroutine),
    ("start_tls", Coroutine),
    ("wait_closed", Coroutine),
    ("write", Value),
    ("writelines", Value),
];

const ASYNCIO_STREAM_READER_METHODS: &[(&str, Returns)] = &[
    ("read", Coroutine),
    ("readexactly", Coroutine),
    ("readline", Coroutine),
    ("readuntil", Coroutine),
];

const ASYNCIO_QUEUE_METHODS: &[(&str, Returns)] = &[
    ("get", Coroutine),
    ("get_nowait", Value),
    ("join", Coroutine),
    ("put", Coroutine),
    ("put_nowait", Value),
    ("task_done", Value),
];

const ASYNCIO_LOCK_METHODS: &[(&str, Returns)] = &[("acquire", Coroutine), ("release", Value)];

const ASYNCIO_EVENT_METHODS: &[(&str, Returns)] = &[
    ("clear", Value),
    ("is_set", Value),
    ("set", Value),
    ("wait", Coroutine),
];

const ASYNCIO_CONDITION_METHODS: &[(&str, Returns)] = &[
    ("acquire", Coroutine),
    ("notify", Value),
    ("notify_all", Value),
    ("release", Value),
    ("wait", Coroutine),
    ("wait_for", Coroutine),
];

const ASYNCIO_BARRIER_METHODS: &[(&str, Returns)] = &[
    ("abort", Coroutine),
    ("reset", Coroutine),
    ("wait", Coroutine),
];

const ASYNCIO_SERVER_METHODS: &[(&str, Returns)] = &[
    ("close", Value),
    ("serve_forever", Coroutine),
    ("start_serving", Coroutine),
    ("wait_closed", Coroutine),
];

const ASYNCIO_PROCESS_METHODS: &[(&str, Returns)] = &[
    ("communicate", Coroutine),
    ("kill", Value),
    ("terminate", Value),
    ("wait", Coroutine),
];

const CLASSES: &[KnownClass] = &[
    KnownClass {
        name: "aiohttp.ClientSession",
        stateful: true,
        enter_returns_self: true,
        methods: AIOHTTP_SESSION_METHODS,
    },
    KnownClass {
        name: "aiohttp.ClientWebSocketResponse",
        stateful: true,
        enter_returns_self: true,
        methods: AIOHTTP_WEBSOCKET_METHODS,
    },
    KnownClass {
        name: "httpx.AsyncClient",
        stateful: true,
        enter_returns_self: true,
        methods: HTTPX_CLIENT_METHODS,
    },
    KnownClass {
        name: "asyncpg.Connection",
        stateful: true,
        enter_returns_self: false,
        methods: ASYNCPG_QUERY_METHODS,
    },
    KnownClass {
        name: "asyncpg.Pool",
        stateful: false,
        enter_returns_self: true,
        methods: ASYNCPG_POOL_METHODS,
    },
    KnownClass {
        name: "sqlalchemy.ext.asyncio.AsyncSession",
        stateful: true,
        enter_returns_self: true,
        methods: SQLALCHEMY_SESSION_METHODS,
    },
    KnownClass {
        name: "sqlalchemy.ext.asyncio.AsyncConnection",
        stateful: true,
        enter_returns_self: true,
        methods: SQLALCHEMY_CONNECTION_METHODS,
    },
    KnownClass {
        name: "redis.asyncio.Redis",
        stateful: true,
        enter_returns_self: true,
        methods: REDIS_METHODS,
    },
    KnownClass {
        name: "motor.motor_asyncio.AsyncIOMotorCollection",
        stateful: false,
        enter_returns_self: false,
        methods: MOTOR_COLLECTION_METHODS,
    },
    KnownClass {
        name: "websockets.ClientConnection",
        stateful: true,
        enter_returns_self: true,
        methods: WEBSOCKET_METHODS,
    },
    KnownClass {
        name: "websockets.WebSocketClientProtocol",
        stateful: true,
        enter_returns_self: true,
        methods: WEBSOCKET_METHODS,
    },
    KnownClass {
        name: "websockets.WebSocketServerProtocol",
        stateful: true,
        enter_returns_self: true,
        methods: WEBSOCKET_METHODS,
    },
    KnownClass {
        name: "websockets.ServerConnection",
        stateful: true,
        enter_returns_self: true,
        methods: WEBSOCKET_METHODS,
    },
    KnownClass {
        name: "asyncio.StreamWriter",
        stateful: true,
        enter_returns_self: false,
        methods: ASYNCIO_STREAM_WRITER_METHODS,
    },
    KnownClass {
        name: "asyncio.StreamReader",
        stateful: true,
        enter_returns_self: false,
        methods: ASYNCIO_STREAM_READER_METHODS,
    },
    KnownClass {
        name: "asyncio.Queue",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_QUEUE_METHODS,
    },
    KnownClass {
        name: "asyncio.PriorityQueue",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_QUEUE_METHODS,
    },
    KnownClass {
        name: "asyncio.LifoQueue",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_QUEUE_METHODS,
    },
    KnownClass {
        name: "asyncio.Lock",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_LOCK_METHODS,
    },
    KnownClass {
        name: "asyncio.Semaphore",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_LOCK_METHODS,
    },
    KnownClass {
        name: "asyncio.BoundedSemaphore",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_LOCK_METHODS,
    },
    KnownClass {
        name: "asyncio.Event",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_EVENT_METHODS,
    },
    KnownClass {
        name: "asyncio.Condition",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_CONDITION_METHODS,
    },
    KnownClass {
        name: "asyncio.Barrier",
        stateful: false,
        enter_returns_self: false,
        methods: ASYNCIO_BARRIER_METHODS,
    },
    KnownClass {
        name: "asyncio.Server",
        stateful: false,
        enter_returns_self: true,
        methods: ASYNCIO_SERVER_METHODS,
    },
    KnownClass {
        name: "asyncio.subprocess.Process",
        stateful: true,
        enter_returns_self: false,
        methods: ASYNCIO_PROCESS_METHODS,
    },
];

/// Where libraries define what they re-export at the top: the defining
/// module's name, then the public one.
const ALIASES: &[(&str, &str)] = &[
    ("aiohttp.client.", "aiohttp."),
    ("aiohttp.client_ws.", "aiohttp."),
    ("aiofiles.ospath.", "aiofiles.os.path."),
    ("asyncpg.connection.", "asyncpg."),
    ("asyncpg.pool.", "asyncpg."),
    ("httpx._client.", "httpx."),
    ("redis.asyncio.client.", "redis.asyncio."),
    ("sqlalchemy.ext.asyncio.session.", "sqlalchemy.ext.asyncio."),
    ("sqlalchemy.ext.asyncio.engine.", "sqlalchemy.ext.asyncio."),
    ("websockets.client.", "websockets."),
    ("websockets.server.", "websockets."),
    ("websockets.asyncio.client.", "websockets."),
    ("websockets.asyncio.server.", "websockets."),
    ("websockets.legacy.client.", "websockets."),
    ("websockets.legacy.server.", "websockets."),
    ("asyncio.streams.", "asyncio."),
    ("asyncio.queues.", "asyncio."),
    ("asyncio.locks.", "asyncio."),
    ("asyncio.base_events.", "asyncio."),
];

/// Functions whose awaited result is an instance of known classes, or a
/// tuple of them, in order (`reader, writer = await open_connection(…)`).
const AWAITED_INSTANCES: &[(&str, &[&str])] = &[
    ("asyncpg.connect", &["asyncpg.Connection"]),
    ("asyncpg.create_pool", &["asyncpg.Pool"]),
    (
        "asyncio.open_connection",
        &["asyncio.StreamReader", "asyncio.StreamWriter"],
    ),
    (
        "asyncio.open_unix_connection",
        &["asyncio.StreamReader", "asyncio.StreamWriter"],
    ),
    ("asyncio.start_server", &["asyncio.Server"]),
    ("asyncio.start_unix_server", &["asyncio.Server"]),
    (
        "asyncio.create_subprocess_exec",
        &["asyncio.subprocess.Process"],
    ),
    (
        "asyncio.create_subprocess_shell",
        &["asyncio.subprocess.Process"],
    ),
    (
        "asyncio.subprocess.create_subprocess_exec",
        &["asyncio.subprocess.Process"],
    ),
    (
        "asyncio.subprocess.create_subprocess_shell",
        &["asyncio.subprocess.Process"],
    ),
];

/// The public spelling of a name a library defines in a submodule.
fn public(qualified: &str) -> std::borrow::Cow<'_, str> {
    for (defined, public) in ALIASES {
        if let Some(rest) = qualified.strip_prefix(defined) {
            return format!("{public}{rest}").into();
        }
    }
    // `redis.Redis` (no `asyncio`) is the blocking client: it is not listed.
    qualified.into()
}

/// What calling the library function `qualified` gives back, if known.
pub fn function(qualified: &str) -> Option<Returns> {
    let name = public(qualified);
    FUNCTIONS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|&(_, returns)| returns)
}

/// The classes of what awaiting a call of the library function
/// `qualified` gives: one for an instance, several for a tuple.
pub fn awaited_instances(qualified: &str) -> Option<&'static [&'static str]> {
    let name = public(qualified);
    AWAITED_INSTANCES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|&(_, classes)| classes)
}

/// The keyword arguments of the library function `qualified` that choose
/// the class of what it gives (`asyncpg.connect(connection_class=…)`): a
/// call passing one, or `**kwargs`, may give an instance of a subclass
/// whose methods the table does not know.
pub fn class_choosing_keywords(qualified: &str) -> &'static [&'static str] {
    match &*public(qualified) {
        "asyncpg.connect" | "asyncpg.create_pool" => &["connection_class"],
        _ => &[],
    }
}

/// Whether the table lists any function or class of the module
/// `module` or of its submodules (`aiohttp`, `redis.asyncio`).
pub fn knows_module(module: &str) -> bool {
    KNOWN_MODULES.0.contains(module)
}

/// Whether any table here names something of the module `module` or of
/// its submodules: the functions and classes of [`knows_module`], and the
/// blocking functions (`requests`, `subprocess`).
pub fn names_module(module: &str) -> bool {
    KNOWN_MODULES.1.contains(module)
}

/// Every module above a name the tables list: those of [`FUNCTIONS`] and
/// [`CLASSES`], and those with [`BLOCKING_FUNCTIONS`] too. Asked for most
/// calls of a coroutine: a set, made once, rather than a walk of the lists.
static KNOWN_MODULES: LazyLock<(FxHashSet<&'static str>, FxHashSet<&'static str>)> =
    LazyLock::new(|| {
        let modules_above = |name: &'static str| {
            name.match_indices('.')
                .filter_map(move |(at, _)| name.get(..at))
        };
        let known: FxHashSet<&'static str> = FUNCTIONS
            .iter()
            .map(|(name, _)| *name)
            .chain(CLASSES.iter().map(|class| class.name))
            .flat_map(modules_above)
            .collect();
        let mut named = known.clone();
        named.extend(
            BLOCKING_FUNCTIONS
                .iter()
                .flat_map(|(name, _)| modules_above(name)),
        );
        (known, named)
    });

/// Library functions whose (awaited) result is a stateful object of a
/// known class, or of a subclass of it (`connection_class=`).
const STATEFUL_RESULTS: &[(&str, &str)] = &[("asyncpg.connect", "asyncpg.Connection")];

/// The stateful class of what calling (and awaiting) the library function
/// `qualified` gives, if known: [`STATEFUL_RESULTS`], and the functions of
/// [`AWAITED_INSTANCES`] that give one stateful instance.
pub fn stateful_result(qualified: &str) -> Option<&'static str> {
    let name = public(qualified);
    if let Some(&(_, class)) = STATEFUL_RESULTS.iter().find(|(known, _)| *known == name) {
        return Some(class);
    }
    match awaited_instances(&name)? {
        [only] => class(only).filter(|c| c.stateful).map(|c| c.name),
        _ => None,
    }
}

/// The library class `qualified`, if known.
pub fn class(qualified: &str) -> Option<&'static KnownClass> {
    let name = public(qualified);
    CLASSES.iter().find(|class| class.name == name)
}

/// What calling `method` on an instance of the library class `class` gives back, if known.
/// Builtins that read their arguments and return without keeping any of
/// them, calling none, or awaiting none: a coroutine given to one is never
/// run later (`print(r.text())` prints it, and drops it).
const KEEPS_NO_ARGUMENT: &[&str] = &[
    "builtins.ascii",
    "builtins.bool",
    "builtins.callable",
    "builtins.format",
    "builtins.hash",
    "builtins.id",
    "builtins.isinstance",
    "builtins.len",
    "builtins.print",
    "builtins.repr",
    "builtins.str",
    "builtins.type",
];

/// Whether the function `qualified` keeps none of its arguments past the
/// call; see [`KEEPS_NO_ARGUMENT`].
pub fn keeps_no_argument(qualified: &str) -> bool {
    KEEPS_NO_ARGUMENT.contains(&qualified)
}

pub fn method(class_name: &str, method: &str) -> Option<Returns> {
    class(class_name)?
        .methods
        .iter()
        .find(|(known, _)| *known == method)
        .map(|&(_, returns)| returns)
}

/// What a blocking function of a well-known synchronous library gives
/// back, as far as the code using it goes: whether reading its members
/// does more I/O.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockingResult {
    /// A `requests.Response`: the body is read before the call returns,
    /// unless the call passed `stream=True`; then `json()`, `text` and
    /// `content` read it from the connection.
    RequestsResponse,
    /// What `urllib.request.urlopen` returns: the status line and headers
    /// are read, the body is not (`read()`, `readline()`, … read it).
    UrlopenResponse,
    /// `subprocess.run`'s `CompletedProcess`: the child has exited and
    /// its output is collected.
    CompletedProcess,
    /// A plain value (`str`, `bytes`, `int`): nothing it does reads or writes.
    Plain,
}

use BlockingResult::{CompletedProcess, Plain, RequestsResponse, UrlopenResponse};

/// Functions that block until their I/O is done and that a coroutine may
/// run in a worker thread as they are (they touch no event loop and take
/// no callbacks unless given some), by public dotted name.
const BLOCKING_FUNCTIONS: &[(&str, BlockingResult)] = &[
    ("builtins.input", Plain),
    ("os.system", Plain),
    ("requests.delete", RequestsResponse),
    ("requests.get", RequestsResponse),
    ("requests.head", RequestsResponse),
    ("requests.options", RequestsResponse),
    ("requests.patch", RequestsResponse),
    ("requests.post", RequestsResponse),
    ("requests.put", RequestsResponse),
    ("requests.request", RequestsResponse),
    ("subprocess.call", Plain),
    ("subprocess.check_call", Plain),
    ("subprocess.check_output", Plain),
    ("subprocess.run", CompletedProcess),
    ("urllib.request.urlopen", UrlopenResponse),
];

/// `requests.Response` members that read the body: from memory once it
/// is read, from the connection when the request streams.
const RESPONSE_BODY_MEMBERS: &[&str] = &["apparent_encoding", "content", "json", "text"];

/// `requests.Response` members that never read from the connection.
const RESPONSE_MEMBERS: &[&str] = &[
    "cookies",
    "elapsed",
    "encoding",
    "headers",
    "is_permanent_redirect",
    "is_redirect",
    "links",
    "ok",
    "raise_for_status",
    "reason",
    "status_code",
    "url",
];

/// Methods of `urlopen`'s response that read the body from the connection.
const URLOPEN_BODY_METHODS: &[&str] = &["read", "read1", "readinto", "readline", "readlines"];

/// Members of `urlopen`'s response that hold what was already read.
const URLOPEN_MEMBERS: &[&str] = &[
    "code",
    "getcode",
    "getheader",
    "getheaders",
    "geturl",
    "headers",
    "info",
    "msg",
    "reason",
    "status",
    "url",
];

/// Members of `subprocess.CompletedProcess`.
const COMPLETED_PROCESS_MEMBERS: &[&str] =
    &["args", "check_returncode", "returncode", "stderr", "stdout"];

/// `pathlib` classes whose methods below read or write a file.
const PATH_CLASSES: &[&str] = &["pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath"];

/// `pathlib.Path` methods that read or write the file.
const PATH_IO_METHODS: &[&str] = &[
    "open",
    "read_bytes",
    "read_text",
    "write_bytes",
    "write_text",
];

/// What the blocking library function `qualified` gives back, if it is one
/// (`requests.api.get` is `requests.get`).
pub fn blocking_function(qualified: &str) -> Option<BlockingResult> {
    let name = qualified
        .strip_prefix("requests.api.")
        .map_or(std::borrow::Cow::Borrowed(qualified), |member| {
            format!("requests.{member}").into()
        });
    BLOCKING_FUNCTIONS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|&(_, result)| result)
}

/// What blocks besides the I/O functions of [`BLOCKING_FUNCTIONS`]:
/// `open()` (which AM108 reports without a fix) and `time.sleep` (AM001's
/// when called directly, but a function that calls it blocks).
const OTHER_BLOCKING: &[&str] = &["builtins.open", "time.sleep"];

/// Whether calling `qualified` blocks the thread until its I/O or its
/// wait is done: [`blocking_function`], `open()`, `time.sleep`.
pub fn blocks_when_called(qualified: &str) -> bool {
    blocking_function(qualified).is_some() || OTHER_BLOCKING.contains(&qualified)
}

/// The last names of the functions that [`blocks_when_called`]: asked for
/// every call a text or a coroutine makes, a set made once.
static BLOCKING_MEMBERS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    BLOCKING_FUNCTIONS
        .iter()
        .map(|(name, _)| *name)
        .chain(OTHER_BLOCKING.iter().copied())
        .filter_map(|name| name.rsplit('.').next())
        .collect()
});

/// Whether some function [`blocks_when_called`] is called `member`: a
/// cheap test before resolving a callee.
pub fn may_be_blocking_member(member: &str) -> bool {
    BLOCKING_MEMBERS.contains(member)
}

/// Whether a call spelled `member(` (`bare`) or `….member(` may be a
/// blocking call (one that [`blocks_when_called`], or a `pathlib` file
/// method), in a text that `mentions` the given module words or not
/// (`requests` for `requests.get`; a builtin needs no import, but only a
/// bare name is the builtin). A test on the text alone, before any parse:
/// it errs towards "may".
pub fn may_spell_blocking_call(
    member: &str,
    bare: bool,
    mentions: &mut dyn FnMut(&'static str) -> bool,
) -> bool {
    let named = BLOCKING_FUNCTIONS
        .iter()
        .map(|(name, _)| *name)
        .chain(OTHER_BLOCKING.iter().copied())
        .filter(|name| name.rsplit('.').next() == Some(member));
    for name in named {
        let top = name.split('.').next().unwrap_or(name);
        if (top == "builtins" && bare) || (top != "builtins" && mentions(top)) {
            return true;
        }
    }
    !bare && PATH_IO_METHODS.contains(&member) && mentions("pathlib")
}

/// Whether some blocking function is called `member` (`get`, `urlopen`):
/// a cheap test before resolving a callee.
pub fn may_be_blocking_function(member: &str) -> bool {
    // Asked for nearly every method call: one look in a set made once.
    BLOCKING_FUNCTION_TAILS.contains(member)
}

/// What follows each dot of each name of [`BLOCKING_FUNCTIONS`]
/// (`request.urlopen` and `urlopen` for `urllib.request.urlopen`): the
/// names [`may_be_blocking_function`] answers yes for.
static BLOCKING_FUNCTION_TAILS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    BLOCKING_FUNCTIONS
        .iter()
        .flat_map(|(name, _)| {
            name.match_indices('.')
                .filter_map(move |(at, _)| name.get(at + 1..))
        })
        .collect()
});

/// Whether reading `member` of what a blocking function gave back does
/// I/O: `Some(false)` when it only looks at what the call already read,
/// `Some(true)` when it reads more from the connection (`streaming`: the
/// `requests` call may have passed `stream=True`), `None` for a member
/// not known.
pub fn member_does_io(result: BlockingResult, member: &str, streaming: bool) -> Option<bool> {
    match result {
        Plain => Some(false),
        RequestsResponse if RESPONSE_BODY_MEMBERS.contains(&member) => Some(streaming),
        RequestsResponse => RESPONSE_MEMBERS.contains(&member).then_some(false),
        UrlopenResponse if URLOPEN_BODY_METHODS.contains(&member) => Some(true),
        UrlopenResponse => URLOPEN_MEMBERS.contains(&member).then_some(false),
        CompletedProcess => COMPLETED_PROCESS_MEMBERS.contains(&member).then_some(false),
    }
}

/// Whether `method` of the `pathlib` class `class` reads or writes a file.
pub fn path_io_method(class: &str, method: &str) -> bool {
    PATH_CLASSES.contains(&class) && PATH_IO_METHODS.contains(&method)
}

/// Whether a method of some `pathlib` class reads or writes a file under
/// the name `method`: a cheap test before resolving the receiver.
pub fn may_be_path_io_method(method: &str) -> bool {
    PATH_IO_METHODS.contains(&method)
}

/// The names a star import of a standard module (`from asyncio import *`)
/// binds on every Python asyncmod targets (3.7 to 3.14, on every
/// platform): those of its `__all__` that no supported version lacks.
/// Names only some versions export (`TaskGroup`, `timeout`, `Runner`,
/// `to_thread`, the child watchers, the Unix-only stream helpers) stay
/// unknown, as does `TimeoutError`, which is the builtin's from 3.11 only.
/// `None` for a module whose star import the table does not know.
pub fn star_import_names(module: &str) -> Option<&'static [&'static str]> {
    match module {
        "asyncio" => Some(ASYNCIO_STAR),
        _ => None,
    }
}

/// See [`star_import_names`].
const ASYNCIO_STAR: &[&str] = &[
    // events
    "AbstractEventLoop",
    "get_event_loop",
    "get_running_loop",
    "new_event_loop",
    "set_event_loop",
    // exceptions (in futures and streams before 3.8)
    "CancelledError",
    "IncompleteReadError",
    "InvalidStateError",
    "LimitOverrunError",
    // futures
    "Future",
    "isfuture",
    "wrap_future",
    // locks
    "BoundedSemaphore",
    "Condition",
    "Event",
    "Lock",
    "Semaphore",
    // protocols
    "BaseProtocol",
    "BufferedProtocol",
    "DatagramProtocol",
    "Protocol",
    "SubprocessProtocol",
    // queues
    "LifoQueue",
    "PriorityQueue",
    "Queue",
    "QueueEmpty",
    "QueueFull",
    // runners
    "run",
    // streams
    "StreamReader",
    "StreamWriter",
    "open_connection",
    "start_server",
    // subprocess
    "create_subprocess_exec",
    "create_subprocess_shell",
    // tasks
    "ALL_COMPLETED",
    "FIRST_COMPLETED",
    "FIRST_EXCEPTION",
    "Task",
    "all_tasks",
    "as_completed",
    "create_task",
    "current_task",
    "ensure_future",
    "gather",
    "run_coroutine_threadsafe",
    "shield",
    "sleep",
    "wait",
    "wait_for",
    // transports
    "BaseTransport",
    "DatagramTransport",
    "ReadTransport",
    "SubprocessTransport",
    "Transport",
    "WriteTransport",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The sets answer as a walk of the lists would: a module is known
    /// when some listed name lies inside it.
    #[test]
    fn known_modules_are_those_above_a_listed_name() {
        let inside = |name: &str, module: &str| {
            name.strip_prefix(module)
                .is_some_and(|rest| rest.starts_with('.'))
        };
        let names: Vec<&str> = FUNCTIONS
            .iter()
            .map(|(n, _)| *n)
            .chain(CLASSES.iter().map(|c| c.name))
            .collect();
        let blocking: Vec<&str> = BLOCKING_FUNCTIONS.iter().map(|(n, _)| *n).collect();
        let mut candidates: Vec<String> = vec!["".into(), "asyncio.x".into(), "nothing".into()];
        for name in names.iter().chain(&blocking) {
            for (at, _) in name.match_indices('.') {
                candidates.push(name[..at].to_string());
                candidates.push(name[..at - 1].to_string());
            }
            candidates.push((*name).to_string());
        }
        for module in &candidates {
            let known = names.iter().any(|n| inside(n, module));
            assert_eq!(knows_module(module), known, "{module}");
            let named = known || blocking.iter().any(|n| inside(n, module));
            assert_eq!(names_module(module), named, "{module}");
        }
    }

    #[test]
    fn names_are_found_under_their_public_and_defining_modules() {
        assert_eq!(function("websockets.serve"), Some(Awaitable));
        assert_eq!(function("websockets.server.serve"), Some(Awaitable));
        assert_eq!(function("asyncpg.connect"), Some(Coroutine));
        assert_eq!(
            method("aiohttp.client.ClientSession", "get"),
            Some(Awaitable)
        );
        assert_eq!(method("aiohttp.ClientSession", "close"), Some(Coroutine));
        assert_eq!(method("httpx.AsyncClient", "get"), Some(Coroutine));
        assert_eq!(
            method("asyncio.streams.StreamWriter", "drain"),
            Some(Coroutine)
        );
        assert_eq!(method("asyncio.Queue", "put"), Some(Coroutine));
        assert_eq!(method("asyncio.Queue", "put_nowait"), Some(Value));
        assert!(class("sqlalchemy.ext.asyncio.AsyncSession").is_some_and(|c| c.stateful));
        assert_eq!(function("requests.get"), None);
        assert_eq!(method("aiohttp.ClientSession", "unknown_method"), None);
        // `aiofiles.os.path` is `aiofiles.ospath`.
        assert_eq!(function("aiofiles.os.remove"), Some(Coroutine));
        assert_eq!(function("aiofiles.ospath.exists"), Some(Coroutine));
        assert_eq!(function("aiofiles.os.chown"), None);
        // What awaiting a connection gives, unless a keyword chooses the class.
        assert_eq!(
            awaited_instances("asyncpg.connection.connect"),
            Some(&["asyncpg.Connection"][..])
        );
        assert_eq!(method("asyncpg.Connection", "execute"), Some(Coroutine));
        assert_eq!(
            class_choosing_keywords("asyncpg.connect"),
            ["connection_class"]
        );
        assert!(class_choosing_keywords("asyncio.open_connection").is_empty());
    }

    #[test]
    fn builtins_that_keep_no_argument() {
        assert!(keeps_no_argument("builtins.print"));
        assert!(keeps_no_argument("builtins.len"));
        assert!(
            !keeps_no_argument("builtins.list"),
            "a list keeps its items"
        );
        assert!(!keeps_no_argument("asyncio.create_task"));
        assert!(!keeps_no_argument("print"), "only the qualified builtin");
    }

    #[test]
    fn blocking_functions_and_what_their_results_do() {
        assert_eq!(blocking_function("requests.get"), Some(RequestsResponse));
        assert_eq!(
            blocking_function("requests.api.post"),
            Some(RequestsResponse)
        );
        assert_eq!(blocking_function("requests.Session"), None);
        assert_eq!(blocking_function("subprocess.Popen"), None);
        assert_eq!(blocking_function("builtins.input"), Some(Plain));
        assert!(may_be_blocking_function("urlopen") && may_be_blocking_function("check_output"));
        assert!(!may_be_blocking_function("Popen") && !may_be_blocking_function("api"));
        // The set answers as a comparison of the ends of the names would.
        let by_ends = |member: &str| {
            BLOCKING_FUNCTIONS.iter().any(|(known, _)| {
                known
                    .strip_suffix(member)
                    .is_some_and(|module| module.ends_with('.'))
            })
        };
        for (known, _) in BLOCKING_FUNCTIONS {
            for at in 0..=known.len() {
                let (head, tail) = known.split_at(at);
                for member in [head, tail] {
                    assert_eq!(
                        may_be_blocking_function(member),
                        by_ends(member),
                        "{member}"
                    );
                }
            }
        }
        assert_eq!(member_does_io(RequestsResponse, "json", false), Some(false));
        assert_eq!(member_does_io(RequestsResponse, "json", true), Some(true));
        assert_eq!(
            member_does_io(RequestsResponse, "status_code", true),
            Some(false)
        );
        assert_eq!(
            member_does_io(RequestsResponse, "iter_content", false),
            None
        );
        assert_eq!(member_does_io(UrlopenResponse, "read", false), Some(true));
        assert_eq!(
            member_does_io(UrlopenResponse, "status", false),
            Some(false)
        );
        assert_eq!(member_does_io(UrlopenResponse, "close", false), None);
        assert_eq!(
            member_does_io(CompletedProcess, "stdout", false),
            Some(false)
        );
        assert_eq!(member_does_io(Plain, "decode", false), Some(false));
        assert!(path_io_method("pathlib.Path", "read_text"));
        assert!(!path_io_method("pathlib.PurePath", "read_text"));
    }

    #[test]
    fn blocking_tables_are_sorted_and_unique() {
        let names: Vec<&str> = BLOCKING_FUNCTIONS.iter().map(|(n, _)| *n).collect();
        for table in [
            names.as_slice(),
            RESPONSE_BODY_MEMBERS,
            RESPONSE_MEMBERS,
            URLOPEN_BODY_METHODS,
            URLOPEN_MEMBERS,
            COMPLETED_PROCESS_MEMBERS,
            PATH_IO_METHODS,
        ] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        for class in CLASSES {
            for pair in class.methods.windows(2) {
                assert!(
                    pair[0].0 < pair[1].0,
                    "{}: {} / {}",
                    class.name,
                    pair[0].0,
                    pair[1].0
                );
            }
        }
        let mut names: Vec<&str> = FUNCTIONS.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FUNCTIONS.len());
    }
}
