package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"
)

// jsonBufs recycles the buffers JSON answers are encoded into: a search's
// answer is about 12 KB, encoded at every search.
var jsonBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledJSON bounds the buffers kept: a rare large answer (a long
// document) is not held on to.
const maxPooledJSON = 256 << 10

// sendJSON answers with v in JSON, as gin's Context.JSON does, from a
// reused buffer and with its length, so that the answer leaves in as few
// writes as the connection's buffer allows.
func sendJSON(c *gin.Context, code int, v any) {
	buf := jsonBufs.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledJSON {
			buf.Reset()
			jsonBufs.Put(buf)
		}
	}()
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		_ = c.Error(err)
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	body := bytes.TrimSuffix(buf.Bytes(), []byte("\n")) // Encode ends with one
	h := c.Writer.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	c.Status(code)
	_, _ = c.Writer.Write(body)
}
