package web

import "github.com/gin-gonic/gin"

// registerEvidence adds the citation export, evidence pack and feed routes.
func (s *Server) registerEvidence(r *gin.Engine) {}
