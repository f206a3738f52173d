console.error("server: not yet")
